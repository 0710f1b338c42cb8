/**
 * Automatic capture (issue 5), as the UI and the service worker both need to name it: the host
 * access it asks for (optional_host_permissions in the manifest), and what it tells the user
 * before asking.
 */
export const AUTO_CAPTURE_ORIGINS = ['http://*/*', 'https://*/*'];

/** The plain disclosure shown before host access is requested. */
export const AUTO_CAPTURE_DISCLOSURE: readonly string[] = [
  'Engram will save pages you actually read — on screen for about 20 seconds, or scrolled through — without you pressing anything.',
  'Kept, on this device only: the address, title and main text of each page, with the paragraphs you had on screen marked as read. A page you come back to is counted again, not saved twice; a page that changed is saved as a new version.',
  'Never kept: private windows, pages with a password or card field, sites on your blocklist, and anything while saving is paused.',
  'Chrome will ask you to let Engram read the sites you visit. Turning this off gives that access back.',
];
