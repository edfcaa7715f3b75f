/* eslint-disable no-undef */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { FunctionsMetadataCheck } = require("./src/functions/metadata-check");
const { withNamespace } = require("./src/functions/namespace");
const { HelpPage } = require("./src/help/help-page");

// Where the add-in is served from. Development uses the dev server on localhost; a production
// build for a council's web host is `ADDIN_URL=https://addins.example.gov.uk/savings/ npm run build`.
const DEV_URL = "https://localhost:3000/";
const FUNCTIONS_SOURCE = path.resolve(__dirname, "src/functions/functions.ts");
// The functions and the core code they import, compiled for Excel's JavaScript-only runtime (ES2016).
const functionsTs = (instance) => ({
  loader: "ts-loader",
  options: { instance, onlyCompileBundledFiles: true, configFile: path.resolve(__dirname, "tsconfig.functions.json") },
});

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const addinUrl = process.env.ADDIN_URL || DEV_URL;
  if (!/^https:\/\//.test(addinUrl) || !addinUrl.endsWith("/")) {
    throw new Error(`ADDIN_URL must be an https URL ending in '/', got '${addinUrl}'`);
  }
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // A layer of its own, so that the core modules it shares with the task pane are compiled twice:
      // to ES2016 for the functions runtime, and to the pane's own target for the pane.
      functions: { import: "./src/functions/functions.ts", layer: "functions" },
      taskpane: "./src/taskpane/index.tsx",
    },
    experiments: { layers: true },
    output: { path: path.resolve(__dirname, "dist"), clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The pane's Compare with a file… reads a workbook with the command line's reader, whose only
      // Node needs there are path.posix (shimmed) and, for files on disk alone, fs and zlib (never called).
      alias: { path$: path.resolve(__dirname, "src/taskpane/path-posix.ts") },
      // A dynamic import names its module with `.js`, as TypeScript's node16 resolution wants.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      fallback: { fs: false, zlib: false },
    },
    module: {
      rules: [
        // The metadata plugin's loader appends CustomFunctions.associate() to the functions file, and
        // in watch mode ts-loader runs every file of an instance through the loaders of the chain it
        // rebuilds, so the functions file gets a rule and a ts-loader instance of its own (TOOLCHAIN.md).
        { test: FUNCTIONS_SOURCE, use: functionsTs("functions") },
        {
          test: /\.ts$/,
          issuerLayer: "functions",
          exclude: [/node_modules/, FUNCTIONS_SOURCE],
          use: functionsTs("functions-core"),
        },
        {
          test: /\.tsx?$/,
          issuerLayer: { not: "functions" },
          exclude: [/node_modules/, FUNCTIONS_SOURCE],
          // ES modules out of ts-loader (tsconfig's node16 gives CommonJS here) so that webpack can
          // tree-shake Fluent UI: with CommonJS the pane bundle carries every icon (18 MB, not 0.5 MB).
          use: {
            loader: "ts-loader",
            options: { onlyCompileBundledFiles: true, compilerOptions: { module: "es2020", moduleResolution: "bundler" } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new FunctionsMetadataCheck(), // the build fails if a function of src/core/function-args.ts loses its metadata
      new HtmlWebpackPlugin({ filename: "functions.html", template: "./src/functions/functions.html", chunks: ["functions"] }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HelpPage(), // help.html from the README's sections for users: the manifest's SupportUrl and LearnMoreUrl
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // FUNCTIONS_NAMESPACE=CS: the fallback of SPEC §3, functions typed =CS.SAVINGS.PCT (README).
            transform: (content) => withNamespace(content.toString().replaceAll(DEV_URL, addinUrl), process.env.FUNCTIONS_NAMESPACE),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      // Only `npm run dev-server` needs the trusted localhost certificate; builds do not.
      server: env.WEBPACK_SERVE ? { type: "https", options: await devCertificates() } : undefined,
      port: 3000,
    },
  };
};

async function devCertificates() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}
