/** Where the built PWA files are served from (shared by the build options and the app). */
export const MANIFEST_PATH = '/manifest.webmanifest';
export const SERVICE_WORKER_PATH = '/sw.js';
export const APPLE_TOUCH_ICON_PATH = '/apple-touch-icon.png';
