/** Two projects: fast unit tests in Node, and browser tests that drive the built pane in Chromium. */
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
    { ...common, displayName: "unit", testMatch: ["<rootDir>/test/**/*.test.ts"], testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"] },
    { ...common, displayName: "browser", testMatch: ["<rootDir>/test/browser/**/*.test.ts"] },
  ],
};
