/** Two projects: fast unit tests in Node, and browser tests that drive the built pane in Chromium. */
const common = {
  preset: "ts-jest",
  testEnvironment: "node",
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
