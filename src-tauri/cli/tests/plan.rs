//! `roundtable plan …`: the window's plan-wide jobs from a script — Home's
//! search, File → Save a copy…, and the retention setting previewed before it
//! erases anything.

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
