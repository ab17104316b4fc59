// ESLint flat config for the whole repository (ESLint 9, CommonJS).
//
// - JavaScript files (webpack.config.js, bin/, scripts/*.js) are CommonJS run by Node.
// - Every file gets ESLint's recommended rules; TypeScript files also typescript-eslint's recommended
//   rules (which switch off the core rules TypeScript already checks, such as no-undef).
// - The folders that may hold Office.js code get every rule of eslint-plugin-office-addins as an
//   error (no-context-sync-in-loop included; the plugin's own config has it as a warning).
// - src/domain and src/app get the import and global boundaries of
//   shared/engineering/style-anchors.md section 5.3.
const { builtinModules } = require("node:module");
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

const TS_FILES = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];

// Where Office.js code may live (style-anchors 5.3), and the tests of those folders. The
// office-addins rules recognise Office.js by method names only (getCell, getRange, load...), so on
// exceljs code (src/xlsx, src/cli, test/support/generator) they report reads that are not proxies.
const OFFICE_JS_FILES = [
  "src/excel/**/*.{ts,tsx}",
  "src/taskpane/**/*.{ts,tsx}",
  "src/commands/**/*.{ts,tsx}",
  "test/excel/**/*.{ts,tsx}",
  "test/taskpane/**/*.{ts,tsx}",
  "test/commands/**/*.{ts,tsx}",
  "test/e2e/**/*.{ts,tsx}",
];

// eslint-plugin-office-addins 4.0.10 exports { meta, rules, configs } with flat configs only. Its
// configs also bring prettier, eslint-plugin-react and a parser of their own, so only its rules are
// taken, every one as an error (the house rules: no empty load, no navigational load, no sync in a
// loop, Office.onReady rather than Office.initialize).
function officeAddinsRules() {
  return Object.fromEntries(Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "error"]));
}

// Node's own modules, imported with or without the "node:" prefix ("fs/promises" is caught by "fs/*").
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith("_") && !name.includes("/"));

function restrictedModules(names, message) {
  return names.map((name) => ({ name, message }));
}

const NODE_MESSAGE = "Node modules belong to src/cli (and tests); this layer runs in the task pane too.";
const EXCELJS_MESSAGE = "exceljs is reached through the src/xlsx gateway only.";
const REACT_MESSAGE = "React belongs to src/taskpane.";

const NODE_PATTERNS = [
  { group: ["node:*"], message: NODE_MESSAGE },
  { group: NODE_BUILTINS.map((name) => `${name}/*`), message: NODE_MESSAGE },
];
const LIBRARY_PATTERNS = [
  { group: ["exceljs/*"], message: EXCELJS_MESSAGE },
  { group: ["react/*", "react-dom", "react-dom/*", "@fluentui/*"], message: REACT_MESSAGE },
];
const LIBRARY_PATHS = [
  ...restrictedModules(["exceljs"], EXCELJS_MESSAGE),
  ...restrictedModules(["react"], REACT_MESSAGE),
  ...restrictedModules(NODE_BUILTINS, NODE_MESSAGE),
];

const DOMAIN_MESSAGE = "src/domain imports src/domain only (style-anchors 5.3).";
const DOMAIN_HOST_MESSAGE = "src/domain is pure: no Office.js, DOM or Node globals; take the data as a parameter.";

module.exports = [
  {
    name: "lke-zi/ignores",
    ignores: ["node_modules/", "dist/", "coverage/", "test-output/", "examples/"],
  },

  {
    name: "lke-zi/eslint-recommended",
    files: ["**/*.js", "**/*.cjs", "**/*.mjs", ...TS_FILES],
    ...js.configs.recommended,
  },
  {
    name: "lke-zi/javascript-node",
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        exports: "writable",
        __dirname: "readonly",
        __filename: "readonly",
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
  },

  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS_FILES })),
  {
    name: "lke-zi/office-addins",
    files: OFFICE_JS_FILES,
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules(),
  },

  {
    name: "lke-zi/boundaries/domain",
    files: ["src/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: LIBRARY_PATHS,
          patterns: [
            ...NODE_PATTERNS,
            ...LIBRARY_PATTERNS,
            {
              group: [
                "**/excel",
                "**/excel/**",
                "**/xlsx",
                "**/xlsx/**",
                "**/app",
                "**/app/**",
                "**/cli",
                "**/cli/**",
                "**/i18n",
                "**/i18n/**",
              ],
              message: DOMAIN_MESSAGE,
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "document", "window", "process"].map((name) => ({
          name,
          message: DOMAIN_HOST_MESSAGE,
        })),
      ],
    },
  },
  {
    name: "lke-zi/boundaries/app",
    files: ["src/app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: LIBRARY_PATHS, patterns: [...NODE_PATTERNS, ...LIBRARY_PATTERNS] },
      ],
    },
  },
];
