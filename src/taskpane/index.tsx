import { FluentProvider, makeStaticStyles, makeStyles, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeIsDark } from "./theme";

// The pane is the whole page: no body margin, and the theme's background down to the bottom.
const usePageStyles = makeStaticStyles({ body: { margin: 0 } });
const useProviderStyles = makeStyles({ root: { minHeight: "100vh" } });

function Pane() {
  usePageStyles();
  return (
    <FluentProvider theme={officeIsDark() ? webDarkTheme : webLightTheme} className={useProviderStyles().root}>
      <App />
    </FluentProvider>
  );
}

function render() {
  createRoot(document.getElementById("root")!).render(<Pane />);
}

// Inside Office, wait for Office.js (the theme and Excel come with it). Opened in a plain
// browser without office.js, render anyway: Excel calls then fail with a message in the pane.
if (typeof Office !== "undefined") Office.onReady(render);
else render();
