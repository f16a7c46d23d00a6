import { mount } from "svelte";
import App from "./App.svelte";
import { commands } from "./lib/bindings";
import "./app.css";

const target = document.getElementById("app");
if (!target) throw new Error("#app element missing from index.html");

const app = mount(App, { target });

// Tell the shell when the first screen is on the glass (two frames after
// mounting); it reports the moment only when the startup benchmark asks.
requestAnimationFrame(() => requestAnimationFrame(() => void commands.reportFirstPaint()));

export default app;
