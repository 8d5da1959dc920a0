//! The workspace store's schema and the small pure rules around it (the browser
//! side is `web::workspace`).
//!
//! IndexedDB database `ormlab-workspace`: every editor's text, migration
//! revisions, settings and run history, keyed by workspace name. The schema is
//! data: opening the store runs every step above the stored version, in order,
//! so a user's data survives every future release. Append versions; never edit
//! old ones.

/// `(version, object stores created at that version)`.
pub const WORKSPACE_STORE_SCHEMA: &[(u32, &[&str])] = &[(
    1,
    &["workspaces", "files", "revisions", "settings", "history"],
)];

/// The newest schema version.
pub fn latest_version() -> u32 {
    WORKSPACE_STORE_SCHEMA.last().map(|(v, _)| *v).unwrap_or(1)
}

/// The stores to create when upgrading from `old` (0 for a new database).
pub fn stores_to_create(old: u32) -> Vec<&'static str> {
    WORKSPACE_STORE_SCHEMA
        .iter()
        .filter(|(v, _)| *v > old)
        .flat_map(|(_, s)| s.iter().copied())
        .collect()
}

/// The name of the default workspace.
pub const DEFAULT_WORKSPACE: &str = "default";

/// A workspace name people can type: trimmed, 1–64 characters, no control
/// characters. Returns the cleaned name or why it is refused.
pub fn clean_name(name: &str) -> Result<String, String> {
    let n = name.trim();
    if n.is_empty() {
        return Err("a workspace needs a name".into());
    }
    if n.chars().count() > 64 {
        return Err("workspace names are at most 64 characters".into());
    }
    if n.chars().any(char::is_control) {
        return Err("workspace names cannot contain control characters".into());
    }
    Ok(n.to_owned())
}

/// How long the editor must be quiet before its text is saved (milliseconds).
pub const SAVE_DEBOUNCE_MS: i32 = 400;

/// Formats a byte count for people: `512 B`, `1.2 KB`, `3.4 MB`, `1.1 GB`.
pub fn human_bytes(n: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = n.max(0.0);
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{v:.0} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upgrade_steps_are_cumulative() {
        assert_eq!(stores_to_create(0).len(), 5);
        assert!(stores_to_create(latest_version()).is_empty());
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("  my ws ").unwrap(), "my ws");
        assert!(clean_name("   ").is_err());
        assert!(clean_name(&"x".repeat(65)).is_err());
        assert!(clean_name("a\nb").is_err());
    }

    #[test]
    fn bytes_for_people() {
        assert_eq!(human_bytes(512.0), "512 B");
        assert_eq!(human_bytes(1536.0), "1.5 KB");
        assert_eq!(human_bytes(50.0 * 1024.0 * 1024.0), "50.0 MB");
    }
}
