// Jest runs every suite: the domain, gateways and CLI ("unit") and the LibreOffice oracle ("oracle").
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
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/oracle/"],
    },
    {
      displayName: "oracle",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/oracle/**/*.test.ts"],
    },
  ],
};
