/**
 * Three projects: fast unit tests in Node, browser tests that drive the built pane in Chromium,
 * and LibreOffice tests that open the command line's copies in a second spreadsheet program.
 */
const common = {
  testEnvironment: "node",
  // Hybrid node16 modules make ts-jest warn on every file (TS151002); the build's tsc checks types.
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: { ignoreCodes: [151002] } }] },
  moduleNameMapper: {
    // office-addin-mock pulls in an ESM-only module under jest 30; its CommonJS build works.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/", "<rootDir>/test/libreoffice/"],
    },
    { ...common, displayName: "browser", testMatch: ["<rootDir>/test/browser/**/*.test.ts"] },
    { ...common, displayName: "libreoffice", testMatch: ["<rootDir>/test/libreoffice/**/*.test.ts"] },
  ],
};
