// Ribbon FunctionFile: the functions behind the manifest's ExecuteFunction buttons.

/**
 * "Periksa LKE" on the Home tab. Validation from the ribbon arrives with the validation work; for now
 * the command only tells Office it has finished, so the button never spins.
 */
export function validateLke(event: Office.AddinCommands.Event): void {
  event.completed();
}

if (typeof Office !== "undefined") {
  void Office.onReady();
  Office.actions.associate("validateLke", validateLke);
}
