import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";
import { defineConfig } from "vitest/config";

// The Tauri shell serves `dist/` (tauri.conf.json: build.frontendDist = "../ui/dist").
export default defineConfig({
  // svelteTesting() only acts under Vitest: browser build of Svelte, auto-cleanup.
  plugins: [svelte(), svelteTesting()],
  // Relative asset URLs so the bundle works from any base the webview uses.
  base: "./",
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK 2.40+ (Debian 12) and WebView2 both handle ES2022.
    target: "es2022",
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test-setup.ts"],
    restoreMocks: true,
  },
});
