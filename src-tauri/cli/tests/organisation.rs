//! `roundtable organisation …`, `organiser …` and `funding …`: the
//! organisations of the plan, their roles at an event, and who funds it.

mod common;
use common::{Plan, list};

#[test]
fn an_organisation_is_created_updated_in_one_field_listed_and_deleted() {
    let plan = Plan::new();
    plan.json(&[
        "organisation",
        "create",
        "--name",
        "International Organization for Migration",
        "--short-name",
        "IOM",
        "--kind",
        "international_organisation",
    ]);
    let updated = plan.json(&["organisation", "update", "IOM", "--website", "https://www.iom.int"]);
    assert_eq!(updated["website"], "https://www.iom.int");
    assert_eq!(
        (updated["short_name"].as_str(), updated["kind"].as_str()),
        (Some("IOM"), Some("international_organisation"))
    );
    assert_eq!(list(&plan.json(&["organisation", "list"])).len(), 1);
    let error = plan.fails(&["organisation", "create", "--name", "international organization for migration"]);
    assert_eq!(error["kind"], "duplicate", "{error}");
    plan.json(&["organisation", "delete", "IOM"]);
    assert_eq!(plan.json(&["organisation", "list"]), serde_json::json!([]));
}

#[test]
fn organisers_and_funding_of_an_event() {
    let plan = Plan::with_event();
    plan.json(&["organisation", "create", "--name", "European Union", "--short-name", "EU", "--kind", "donor"]);
    let organisers = plan.json(&["organiser", "add", "EU", "--event", "Regional dialogue", "--role", "funder"]);
    assert_eq!((list(&organisers).len(), organisers[0]["role"].as_str()), (1, Some("funder")));
    let error = plan.fails(&["organisation", "delete", "EU"]);
    assert_eq!(error["kind"], "in_use", "an organiser stays");

    let funding = plan.json(&[
        "funding",
        "add",
        "--event",
        "Regional dialogue",
        "--funder",
        "EU",
        "--programme",
        "MIEUX",
        "--amount",
        "50000",
        "--currency",
        "EUR",
        "--cover",
        "venue",
    ]);
    let updated = plan.json(&[
        "funding",
        "update",
        "MIEUX",
        "--event",
        "Regional dialogue",
        "--acknowledgement",
        "Funded by the EU",
    ]);
    assert_eq!(
        (updated["id"].clone(), updated["acknowledgement"].as_str()),
        (funding["id"].clone(), Some("Funded by the EU"))
    );
    assert_eq!((updated["amount"].as_u64(), updated["covers"].clone()), (Some(50000), serde_json::json!(["venue"])));
    assert_eq!(list(&plan.json(&["funding", "list", "--event", "Regional dialogue"])).len(), 1);
    let error = plan.fails(&[
        "funding",
        "update",
        "MIEUX",
        "--event",
        "Regional dialogue",
        "--amount",
        "10",
        "--currency",
        "euros",
    ]);
    assert_eq!(error["field"], "currency");
    assert_eq!(plan.json(&["funding", "show", "EU", "--event", "Regional dialogue"])["amount"], 50000, "kept");

    plan.json(&["funding", "delete", "MIEUX", "--event", "Regional dialogue"]);
    let organisers = plan.json(&["organiser", "remove", "EU", "--event", "Regional dialogue", "--role", "funder"]);
    assert_eq!(organisers, serde_json::json!([]));
    plan.json(&["organisation", "delete", "EU"]);
}
