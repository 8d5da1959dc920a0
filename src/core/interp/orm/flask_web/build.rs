//! Building URLs and redirects: `url_for(endpoint, **values)` from the app's rules (as
//! werkzeug builds them: converters' values quoted, other values as the query string)
//! and `redirect(location, code=302)`.

use std::rc::Rc;

use super::{FlaskObj, ResponseData, flask};
use crate::core::interp::call::Kw;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

/// `s` percent-encoded as Python's `urllib.parse.quote(s, safe)` does (`+` for spaces
/// when `plus`, as `quote_plus`).
fn quote(s: &str, safe: &str, plus: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b' ' if plus => out.push('+'),
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                out.push(b as char)
            }
            _ if b.is_ascii() && safe.as_bytes().contains(&b) => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Python's `html.escape(s)`.
fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

impl Interp<'_> {
    /// `url_for(endpoint, **values)`.
    pub(crate) fn url_for(&mut self, args: &[Value], kw: &Kw) -> R<Value> {
        let endpoint = match args.first() {
            Some(Value::Str(s)) => s.clone(),
            _ => {
                return self.raise(
                    "TypeError",
                    "url_for() missing 1 required positional argument: 'endpoint'",
                );
            }
        };
        if self.orm.requests.is_empty() {
            return self.raise(
                "RuntimeError",
                "Unable to build URLs outside an active request without 'SERVER_NAME' configured. Also configure 'APPLICATION_ROOT' and 'PREFERRED_URL_SCHEME' as needed.",
            );
        }
        // (`.view`: the view of the current request's blueprint.)
        let endpoint: Rc<str> = match endpoint.strip_prefix('.') {
            Some(rest) => match self.orm.endpoints.last().and_then(|e| e.rsplit_once('.')) {
                Some((bp, _)) => Rc::from(format!("{bp}.{rest}").as_str()),
                None => Rc::from(rest),
            },
            None => endpoint,
        };
        let mut external = false;
        let mut anchor = None;
        let mut values: Vec<(Rc<str>, Value)> = vec![];
        for (k, v) in kw {
            match &**k {
                "_external" => external = self.truthy(v)?,
                "_anchor" => anchor = Some(self.to_str(v)?),
                "_method" | "_scheme" => {}
                _ => values.push((k.clone(), v.clone())),
            }
        }
        let rule = if &*endpoint == "static" {
            Some(Rc::from("/static/<path:filename>"))
        } else {
            (self.orm.routes.iter())
                .find(|r| r.endpoint == endpoint)
                .map(|r| r.rule.clone())
        };
        let Some(rule) = rule else {
            let v = self.new_exc(
                "BuildError",
                &format!("Could not build url for endpoint '{endpoint}'."),
            );
            return self.raise_value(v);
        };
        // The rule with its variables filled in.
        let mut url = String::new();
        let mut rest = &*rule;
        let mut missing = vec![];
        while let Some(open) = rest.find('<') {
            url.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('>') else {
                break;
            };
            let var = &rest[open + 1..open + close];
            let (conv, name) = var.split_once(':').unwrap_or(("default", var));
            match values.iter().position(|(k, _)| &**k == name) {
                Some(i) => {
                    let (_, v) = values.remove(i);
                    // (Every converter's value is quoted alike, `/` kept.)
                    let _ = conv;
                    let text = self.to_str(&v)?;
                    url.push_str(&quote(&text, "!$&'()*+,/:;=@", false));
                }
                None => missing.push(name.to_owned()),
            }
            rest = &rest[open + close + 1..];
        }
        url.push_str(rest);
        if !missing.is_empty() {
            let list: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
            let msg = format!(
                "Could not build url for endpoint '{endpoint}'. Did you forget to specify values [{}]?",
                list.join(", ")
            );
            let v = self.new_exc("BuildError", &msg);
            return self.raise_value(v);
        }
        // (The other values, not None, as the query string.)
        let mut query = vec![];
        for (k, v) in values {
            if matches!(v, Value::None) {
                continue;
            }
            let items = match &v {
                Value::List(_) | Value::Tuple(_) => self.iterate(&v)?,
                _ => vec![v],
            };
            for item in items {
                let text = self.to_str(&item)?;
                let safe = "!$'()*,/:;?@";
                query.push(format!(
                    "{}={}",
                    quote(&k, safe, true),
                    quote(&text, safe, true)
                ));
            }
        }
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query.join("&"));
        }
        if let Some(a) = anchor {
            url.push('#');
            url.push_str(&quote(&a, "!$&'()*+,/:;=?@", false));
        }
        if external {
            url.insert_str(0, "http://localhost");
        }
        Ok(Value::str(&url))
    }

    /// `redirect(location, code=302)`: werkzeug's redirect response.
    pub(crate) fn redirect(&mut self, args: &[Value], kw: &Kw) -> R<Value> {
        let location = match args.first().or(super::kwget(kw, "location")) {
            Some(v) => self.to_str(v)?,
            None => {
                return self.raise(
                    "TypeError",
                    "redirect() missing 1 required positional argument: 'location'",
                );
            }
        };
        let code = match args.get(1).or(super::kwget(kw, "code")) {
            Some(Value::Int(i)) => i.to_i64().unwrap_or(302),
            _ => 302,
        };
        let shown = html_escape(&location);
        let body = format!(
            "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href=\"{shown}\">{shown}</a>. If not, click the link.\n"
        );
        Ok(flask(FlaskObj::Response(ResponseData {
            code,
            mimetype: Rc::from("text/html"),
            body,
            headers: vec![(Rc::from("Location"), Rc::from(location.as_str()))],
            headers_first: false,
        })))
    }
}
