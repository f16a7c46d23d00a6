//! `roundtable plan …`: the window's plan-wide jobs from a script — Home's
//! search, File → Save a copy…, the retention setting previewed before it
//! erases anything, and File → Country names….

mod common;

use common::{Plan, list, roundtable_on};

#[test]
fn the_plan_is_searched_as_home_searches_it() {
    let plan = Plan::new();
    plan.json(&["example", "load"]);
    let hits = plan.json(&["plan", "search", "ANGGRAINI"]);
    let kinds: Vec<(&str, &str)> =
        list(&hits).iter().map(|h| (h["kind"].as_str().unwrap(), h["full_name"].as_str().unwrap_or(""))).collect();
    assert_eq!(kinds, [("person", "Ms Dewi Anggraini")], "{hits}");
    let sessions = plan.json(&["plan", "search", "opening"]);
    assert!(list(&sessions).iter().any(|h| h["kind"] == "session"), "{sessions}");
    let events = plan.ok(&["plan", "search", "bangkok"]);
    assert!(events.lines().filter(|l| l.starts_with("event")).count() >= 2, "{events}");
    assert!(plan.ok(&["plan", "search", "zzzz"]).contains("Nothing in the plan matches 'zzzz'"));
}

#[test]
fn a_copy_is_a_whole_plan_and_the_plan_itself_is_refused_as_its_copy() {
    let plan = Plan::new();
    plan.json(&["example", "load"]);
    let copy = plan.db.with_file_name("copy.rtplan");
    plan.json(&["plan", "copy", copy.to_str().unwrap()]);
    let listed = roundtable_on(&copy).args(["--json", "event", "list"]).output().unwrap();
    assert!(listed.status.success(), "the copy opens as a plan");
    let copied: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(list(&copied).len(), list(&plan.json(&["event", "list"])).len());
    let refused = plan.fails(&["plan", "copy", plan.db.to_str().unwrap()]);
    assert_eq!(refused["field"], "path", "{refused}");
}

#[test]
fn the_retention_setting_is_previewed_without_erasing() {
    let plan = Plan::new();
    plan.json(&["example", "load"]);
    let people = || list(&plan.json(&["person", "list"])).len();
    let before = people();
    let preview = plan.json(&["plan", "retention", "--months", "12", "--preview"]);
    assert!(preview["preview"]["people"].as_u64().unwrap() > 0, "{preview}");
    assert!(!preview["preview"]["events"].as_array().unwrap().is_empty(), "the examples ended years ago: {preview}");
    assert_eq!(people(), before, "a preview erases nothing");
    assert!(plan.ok(&["plan", "retention"]).contains("retention is off"), "nor sets anything");
    let refused = plan.run(&["plan", "retention", "--preview"]);
    assert!(!refused.status.success(), "a preview needs --months");
}

#[test]
fn countries_are_listed_and_found_by_the_names_the_plan_chose() {
    let plan = Plan::new();
    assert!(plan.ok(&["plan", "country-names"]).contains("as the UN names them"));
    let un = plan.json(&["country", "list", "--search", "korea"]);
    let names = |found: &serde_json::Value| -> Vec<String> {
        list(found).iter().map(|c| c["name"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(names(&un), ["Democratic People’s Republic of Korea", "Republic of Korea"], "{un}");

    let set = plan.json(&["plan", "country-names", "iso"]);
    assert_eq!(set["names"], "iso", "{set}");
    let iso = plan.json(&["country", "list", "--search", "korea"]);
    assert_eq!(names(&iso), ["Korea, Democratic People's Republic of", "Korea, Republic of"], "{iso}");
    let plan = Plan::with_event();
    plan.json(&["plan", "country-names", "iso"]);
    plan.json(&["delegation", "add", "--event", "Regional dialogue", "--country", "LA"]);
    let delegations = plan.json(&["delegation", "list", "--event", "Regional dialogue"]);
    let named: Vec<&str> = list(&delegations).iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert_eq!(named, ["Indonesia", "Lao People's Democratic Republic"], "{delegations}");
    let by_un_name =
        plan.json(&["delegation", "show", "Lao People’s Democratic Republic", "--event", "Regional dialogue"]);
    assert_eq!(by_un_name["country_code"], "LA", "found by the name it has in the other naming: {by_un_name}");
    let refused = plan.run(&["plan", "country-names", "cldr"]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("[possible values: un, iso]"));
}

#[test]
fn the_lead_time_for_visa_letters_is_shown_set_and_checked() {
    let plan = Plan::new();
    assert_eq!(plan.json(&["plan", "visa-weeks"])["weeks"], 6);
    assert!(plan.ok(&["plan", "visa-weeks", "8"]).contains("8 week(s) before the arrival"));
    let refused = plan.fails(&["plan", "visa-weeks", "60"]);
    assert_eq!(refused["field"], "visa_letter_weeks", "{refused}");
    assert_eq!(plan.json(&["plan", "visa-weeks"])["weeks"], 8);
}
