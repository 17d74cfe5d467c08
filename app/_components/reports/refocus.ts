/**
 * A dialog opened from a dropdown menu item would hand focus back to that item, which is gone once the menu closes;
 * this sends it to the menu's button instead (when it is still on the page).
 */
export function refocus(event: Event, element: HTMLElement | null | undefined) {
  if (!element?.isConnected) return;
  event.preventDefault();
  element.focus();
}
