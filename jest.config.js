// Jest runs every suite: the domain, gateways and CLI ("unit"), the LibreOffice oracle ("oracle"), the task pane's
// components in jsdom ("taskpane") and the built pane in headless Chromium ("e2e").
// ts-jest only transpiles here; `npm run typecheck` does the type checking once for the whole tree.
const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", jsx: "react-jsx", isolatedModules: true } }] };

module.exports = {
  testTimeout: 30000,
  reporters: ["default", "<rootDir>/test/support/plainSummaryReporter.js"],
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/oracle/", "<rootDir>/test/e2e/"],
    },
    {
      displayName: "oracle",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/oracle/**/*.test.ts"],
    },
    {
      displayName: "taskpane",
      testEnvironment: "jsdom",
      transform,
      testMatch: ["<rootDir>/test/taskpane/**/*.test.tsx"],
      // ResizeObserver (Fluent's MessageBar) and TextEncoder are missing in jsdom; jest-axe's matcher.
      setupFilesAfterEnv: ["<rootDir>/test/support/setupDom.ts"],
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      // The "unit" project's test/**/*.test.ts matches these files too; they run only here (see the suite).
      globals: { LKE_ZI_E2E_PROJECT: true },
    },
  ],
};
