//! Starts Roundtable Planner.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    roundtable_planner::run();
}
