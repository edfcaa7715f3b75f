import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// office-addin-lint's recommended rules, with the Office globals the hosts use.
export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      globals: { Excel: "readonly", Office: "readonly", OfficeExtension: "readonly", CustomFunctions: "readonly" },
    },
    // TypeScript itself rejects real redeclarations; the base rule misreads a value and type of one name.
    rules: { "no-redeclare": "off" },
  },
];
