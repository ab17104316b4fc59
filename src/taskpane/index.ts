// Task pane entry. A placeholder until the React/Fluent pane arrives: it shows one line of text once
// Office is ready, or at once when the page is opened outside Office (office.js not loaded).
const PLACEHOLDER_TEXT = "Panel LKE ZI sedang disiapkan.";

export function renderPlaceholder(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const message = document.createElement("p");
  message.textContent = PLACEHOLDER_TEXT;
  root.replaceChildren(message);
}

if (typeof Office === "undefined") {
  renderPlaceholder();
} else {
  void Office.onReady(() => renderPlaceholder());
}
