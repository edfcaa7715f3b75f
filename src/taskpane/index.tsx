// Replaced by the task pane issue (#4): the React pane mounts here.
document.getElementById("root")!.textContent = "Savings check";
