import { mount } from "svelte";
import App from "./App.svelte";
import { listenForPlanChanges } from "./lib/planChanges.svelte";
import "./app.css";

const target = document.getElementById("app");
if (!target) throw new Error("#app element missing from index.html");

const app = mount(App, { target });
listenForPlanChanges();

export default app;
