//! DDL tests: every expected statement comes from real SQLAlchemy (testdata/expected_sql.txt,
//! cases `ddl_NN_create` / `ddl_NN_drop` = `db.create_all()` / `db.drop_all()` of corpus script NN,
//! `ddl_mNN_vK_create` = migration scenario NN's models_vK.py, `cases_create_all` = tools/sql_cases_models.py).

use super::*;
use crate::core::orm::naming::NamingConvention;
use crate::core::orm::schema::{Column, Constraint, Index, ServerDefault};
use crate::core::orm::testutil::{assert_ddl, assert_stmts, col, model, models, table};
use crate::core::sql::{SqlType, render};

/// `create_all` on an empty database, then `drop_all` with every table present.
fn check(num: &str, md: &MetaData) {
    let stmts = create_all(md, &[]).expect("ddl");
    assert_ddl(&format!("ddl_{num}_create"), &stmts);
    let names: Vec<&str> = md.tables.iter().map(|t| t.name.as_str()).collect();
    if crate::core::orm::testutil::expected(&format!("ddl_{num}_drop")).len() == names.len() {
        assert_stmts(&format!("ddl_{num}_drop"), &drop_all(md, &names));
    }
}

fn check_create(case: &str, md: &MetaData) {
    assert_ddl(case, &create_all(md, &[]).expect("ddl"));
}

#[rustfmt::skip]
mod corpus {
    use super::*;

    #[test] fn s01() { check("01", &models(&["User id:int:pk username:str80:uq:nn email:str120:uq:nn"])); }
    #[test] fn s02() { check("02", &models(&["Measurement id:int:pk label:str50:nn notes:text active:bool taken_at:datetime day:date value:float price:num10_2 extra:json"])); }
    #[test] fn s03() { check("03", &models(&["Ticket id:int:pk title:str100:nn status:str20 priority:int:nn code:str10:uq opened_on:date created_at:datetime updated_at:datetime views:int:sd='0' flagged:bool"])); }
    #[test] fn s04() { check("04", &models(&["User id:int:pk", "BlogPost id:int:pk", "HTTPRequestLog id:int:pk", "OAuth2Token id:int:pk", "UserAPIKey id:int:pk", "ABC id:int:pk", "Address=addresses id:int:pk", "Product_Item id:int:pk"])); }
    #[test] fn s05() { check("05", &models(&[
        "Author id:int:pk name:str100:nn email:str120:uq:nn country:str2:ix bio:text active:bool:nn joined:datetime:sd=now rating:float:sd='5.0'",
        "Book id:int:pk title:str200:nn:ix isbn:str13:uq:ix price:num8_2 published:date meta:json author_id:int:fk=author.id:nn",
        "T=book_genres book_id:int:fk=book.id:pk genre_id:int:fk=genre.id:pk",
        "Genre id:int:pk name:str50:uq"])); }
    #[test] fn s06() { check("06", &models(&[
        "Customer id:int:pk name:str80:nn email:str120:uq vip:bool credit:num12_2:sd='0' city:str50:ix",
        "Invoice id:int:pk number:str20:nn:uq customer_id:int:fk=customer.id:nn issued:date:nn total:float"])); }
    #[test] fn s07() { check("07", &models(&["User id:int:pk username:str20:uq:nn email:str120:uq:nn image_file:str20:nn", "Product id:int:pk name:str50 price:float", "Tag name:str30:pk", "Enrollment student_id:int:pk course_id:int:pk", "Plain id:int:pk"])); }
    #[test] fn s08() { check("08", &models(&["Task id:int:pk title:str100:nn done:bool"])); }
    #[test] fn s09() { check("09", &models(&["Account id:int:pk owner:str50:uq balance:int"])); }
    #[test] fn s10() { check("10", &models(&["City id:int:pk name:str50:nn country:str50:nn population:int capital:bool"])); }
    #[test] fn s11() { check("11", &models(&["Employee id:int:pk name:str50:nn email:str100 dept:str20 salary:int hired:date"])); }
    #[test] fn s12() { check("12", &models(&["Book id:int:pk title:str100 genre:str20 pages:int year:int available:bool"])); }
    #[test] fn s13() { check("13", &models(&["Post id:int:pk title:str100:nn category:str20 likes:int created_at:datetime:nn"])); }
    #[test] fn s14() { check("14", &models(&["Order id:int:pk customer:str30 city:str30 status:str10 amount:int"])); }
    #[test] fn s15() { check("15", &models(&["Member id:int:pk username:str30:uq:nn email:str100:uq:nn"])); }
    #[test] fn s16() { check("16", &models(&[
        "User id:int:pk username:str20:uq:nn email:str120:uq:nn image_file:str20:nn password:str60:nn",
        "Post id:int:pk title:str100:nn date_posted:datetime:nn content:text:nn user_id:int:fk=user.id:nn"])); }
    #[test] fn s17() { check("17", &models(&["Author id:int:pk name:str50:nn", "Book id:int:pk title:str100:nn author_id:int:fk=author.id"])); }
    #[test] fn s18() { check("18", &models(&["Team id:int:pk name:str30", "Player id:int:pk name:str30 goals:int team_id:int:fk=team.id",
        "Match id:int:pk opponent:str30 won:bool team_id:int:fk=team.id", "Coach id:int:pk name:str30 team_id:int:fk=team.id"])); }
    #[test] fn s19() { check("19", &models(&["T=tags tag_id:int:fk=tag.id:pk page_id:int:fk=page.id:pk", "Page id:int:pk title:str50", "Tag id:int:pk name:str30:uq"])); }
    #[test] fn s20() { check("20", &models(&["T=enrollments student_id:int:fk=student.id:pk course_id:int:fk=course.id:pk",
        "Student id:int:pk name:str50:nn year:int", "Course id:int:pk code:str10:uq:nn title:str100 credits:int"])); }
    #[test] fn s21() { check("21", &models(&["Role=roles id:int:pk name:str64:uq", "User=users id:int:pk username:str64:uq:ix role_id:int:fk=roles.id"])); }
    #[test] fn s22() { check("22", &models(&["Album id:int:pk title:str50:nn", "Track id:int:pk name:str50:nn album_id:int:fk=album.id:nn", "Review id:int:pk stars:int album_id:int:fk=album.id"])); }
    #[test] fn s23() { check("23", &models(&["Department id:int:pk name:str30:uq floor:int", "Employee id:int:pk name:str30 salary:int department_id:int:fk=department.id"])); }
    #[test] fn s24() { check("24", &models(&["Customer id:int:pk name:str30 country:str20", "Purchase id:int:pk total:int customer_id:int:fk=customer.id"])); }
    #[test] fn s25() { check("25", &models(&["Article id:int:pk title:str50 published:bool"])); }
    #[test] fn s26() { check("26", &models(&["Product id:int:pk sku:str20:uq name:str50"])); }
    #[test] fn s27() { check("27", &models(&["User id:int:pk username:str30:uq:nn age:int active:bool"])); }
    #[test] fn s28() { check("28", &models(&["Item id:int:pk name:str40:nn qty:int price:float"])); }
    #[test] fn s29() { check("29", &models(&["Player id:int:pk name:str30 level:int score:int banned:bool"])); }
    #[test] fn s30() { check("30", &models(&["Note id:int:pk body:str200", "Label id:int:pk name:str20:uq"])); }
    #[test] fn s31() { check("31", &models(&["Country id:int:pk name:str50:uq:nn", "Visitor id:int:pk name:str50 country_id:int:fk=country.id"])); }
    #[test] fn s32() { check("32", &models(&["User id:int:pk username:str50:uq:nn email:str100:uq:nn age:int is_admin:bool signup:date"])); }
    #[test] fn s33() { check("33", &models(&["Author id:int:pk name:str50", "Article id:int:pk title:str100 published_at:datetime rating:float meta:json author_id:int:fk=author.id"])); }
    #[test] fn s34() { check("34", &models(&["Sale id:int:pk region:str10 product:str20 units:int unit_price:float sold_on:date"])); }

    /// Abstract base columns come after the subclass's own columns (declarative order).
    #[test] fn s36() {
        let mut md = models(&[
            "Warehouse name:str40:uq:nn id:int:pk created_at:datetime",
            "Product sku:str20:uq:nn price:num10_2:nn id:int:pk created_at:datetime"]);
        md.add(table("stock", "warehouse_id:int:fk=warehouse.id:nn product_id:int:fk=product.id:nn quantity:int:nn id:int:pk created_at:datetime")
            .constraint(Constraint::Unique { name: Some("uq_stock_wh_product".into()), columns: vec!["warehouse_id".into(), "product_id".into()] }));
        check("36", &md);
    }

    #[test] fn m01() {
        check_create("ddl_m01_v1_create", &models(&["User id:int:pk username:str80:uq:nn"]));
        let mut md = models(&["User id:int:pk username:str80:uq:nn email:str120 karma:int:nn:sd='0'"]);
        let t = md.tables[0].clone().column(Column::new("active", SqlType::Boolean).not_null().server_default(ServerDefault::True));
        md.add(t);
        check_create("ddl_m01_v2_create", &md);
    }
    #[test] fn m02() { check_create("ddl_m02_v1_create", &models(&["Product id:int:pk name:str50:nn legacy_code:str10 price:float:nn:sd='0'"])); }
    #[test] fn m03() { check_create("ddl_m03_v2_create", &models(&["Author id:int:pk name:str40:nn", "BlogPost id:int:pk title:str100:nn published:date author_id:int:fk=author.id:nn"])); }
    #[test] fn m04() {
        let mut md = MetaData::new();
        md.add(table("customer", "id:int:pk email:str120:nn city:str40:ix code:str8:uq:ix")
            .constraint(Constraint::Unique { name: Some("uq_customer_email".into()), columns: vec!["email".into()] }));
        check_create("ddl_m04_v2_create", &md);
    }
    #[test] fn m05() { check_create("ddl_m05_v2_create", &models(&["Reading id:int:pk sensor:str20:nn value:float:nn note:str200"])); }
    #[test] fn m06() {
        let conv = NamingConvention::new([
            ("ix", "ix_%(column_0_label)s"), ("uq", "uq_%(table_name)s_%(column_0_name)s"),
            ("ck", "ck_%(table_name)s_%(constraint_name)s"),
            ("fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"), ("pk", "pk_%(table_name)s")]);
        let mut md = MetaData::with_convention(conv);
        model(&mut md, "Category id:int:pk name:str30:nn:uq");
        model(&mut md, "Item id:int:pk title:str60:nn category_id:int:fk=category.id");
        check_create("ddl_m06_v2_create", &md);
    }
    #[test] fn m07() { check_create("ddl_m07_v2_create", &models(&["Department id:int:pk name:str30:nn", "Employee id:int:pk name:str50:nn salary:int level:str10:nn:sd='junior' hired:date"])); }
    #[test] fn m08() { check_create("ddl_m08_v3_create", &models(&["Note id:int:pk body:text:nn pinned:bool:nn:sd='0'", "Tag id:int:pk name:str20:nn:uq"])); }
}

/// The tricky-schema models of tools/sql_cases_models.py (reserved names, every type, every
/// server default form, table args, composite PK, self-reference, create order with cycles of ties).
#[test]
fn cases_models() {
    let mut md = MetaData::new();
    md.add(table(
        "post_tags",
        "post_id:int:fk=post.id:pk tag_id:int:fk=tag.id:pk",
    ));
    model(
        &mut md,
        "User id:int:pk username:str80:uq:nn email:str120 age:int active:bool",
    );
    model(
        &mut md,
        "Post id:int:pk title:str100:nn body:text likes:int created:datetime user_id:int:fk=user.id",
    );
    model(&mut md, "Tag id:int:pk name:str30:uq");
    md.add(table(
        "group",
        "id:int:pk from:str10 userName:str20:ix order:int:uq:ix",
    ));
    let order = table(
        "order",
        "id:int:pk group_id:int:fk=group.id:ondelete=CASCADE code:str8 note:str",
    )
    .constraint(Constraint::Unique {
        name: None,
        columns: vec!["group_id".into(), "code".into()],
    })
    .constraint(Constraint::Unique {
        name: Some("uq_code_note".into()),
        columns: vec!["code".into(), "note".into()],
    })
    .index(Index {
        name: Some("ix_order_amount_code".into()),
        columns: vec!["amount".into(), "code".into()],
        unique: false,
        ..Default::default()
    })
    .index(Index {
        name: Some("ux_order_note".into()),
        columns: vec!["note".into()],
        unique: true,
        ..Default::default()
    })
    .constraint(Constraint::Check {
        name: Some("ck_amount_max".into()),
        sql: "amount < 1000000".into(),
    });
    let mut order = order;
    order.columns[1].foreign_keys[0] = order.columns[1].foreign_keys[0]
        .clone()
        .onupdate("SET NULL");
    order.columns.insert(
        2,
        Column::new("amount", SqlType::Integer).check(None, "amount >= 0"),
    );
    md.add(order);
    let all = table(
        "all_types",
        "id:bigint:pk small:smallint big:bigint t:time blob:blob",
    )
    .column(Column::new(
        "kind",
        SqlType::Enum(
            vec!["a".into(), "bbb".into(), "cc".into()],
            Default::default(),
        ),
    ))
    .column(col("num:num"))
    .column(Column::new("num2", SqlType::Numeric(Some(5), None)))
    .column(col("flt:float"))
    .column(Column::new("uni", SqlType::Unicode(Some(20))))
    .column(Column::new("utext", SqlType::UnicodeText(None)))
    .column(col("s:str"))
    .column(col("d1:int:sdsql=0"))
    .column(Column::new("d2", SqlType::Boolean).server_default(ServerDefault::True))
    .column(Column::new("d3", SqlType::Boolean).server_default(ServerDefault::False))
    .column(col("d4:str5:sd='it's'"))
    .column(col("d5:datetime:sdsql=CURRENT_TIMESTAMP"))
    .column(col("d6:datetime:sdsql=(datetime('now'))"))
    .column(col("d7:str5:sdsql=datetime('now')"))
    .column(
        Column::new("d8", SqlType::Date).server_default(ServerDefault::Func("current_date".into())),
    )
    .column(col("d9:int:sdsql=-1"))
    .column(col("u1:str10:uq:ix:nn"));
    md.add(all);
    model(
        &mut md,
        "Enrollment student_id:int:pk course_id:int:pk grade:str2",
    );
    model(
        &mut md,
        "Node id:int:pk parent_id:int:fk=node.id name:str20",
    );
    // SQLAlchemy's constraint order puts `order`'s table args before the column-level FK.
    check_create("cases_create_all", &md);
}

#[test]
fn raw_text_and_checkfirst() {
    let md = models(&["A id:int:pk", "B id:int:pk a_id:int:fk=a.id"]);
    let stmts = create_all(&md, &["a"]).unwrap();
    assert_eq!(stmts.len(), 1);
    // exact bytes as sent (from CreateTable(...).compile(dialect=sqlite.dialect()) repr)
    let md = models(&["T id:int:pk a:int:ix"]);
    let s = create_all(&md, &[]).unwrap();
    assert_eq!(
        render(&s[0]).sql,
        "\nCREATE TABLE t (\n\tid INTEGER NOT NULL, \n\ta INTEGER, \n\tPRIMARY KEY (id)\n)\n\n"
    );
    assert_eq!(render(&s[1]).sql, "CREATE INDEX ix_t_a ON t (a)");
    assert_eq!(render(&drop_all(&md, &["t"])[0]).sql, "\nDROP TABLE t");
    assert!(drop_all(&md, &[]).is_empty());
    assert_eq!(
        has_table_pragmas("user")[0],
        "PRAGMA main.table_info(\"user\")"
    );
}
