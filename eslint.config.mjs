import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// office-addin-lint's recommended rules, with the Office globals the hosts use.
export default [
  ...officeAddins.configs.recommended,
  // The recommended set's Office.js and prettier rules name .ts and .js files; the pane's components are .tsx.
  ...officeAddins.configs.recommended.filter((c) => c.files).map((c) => ({ ...c, files: ["**/*.tsx"] })),
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { Excel: "readonly", Office: "readonly", OfficeExtension: "readonly", CustomFunctions: "readonly" },
    },
    // TypeScript itself rejects real redeclarations and undefined names (Node, jest, DOM globals);
    // the base rules misread a value and a type of one name, and know no environment's globals.
    rules: { "no-redeclare": "off", "no-undef": "off" },
  },
];
