import { env } from '../../../config/env';

/** The origin the dashboard's own requests go to: the configured API, or this page's origin when empty. */
export const exampleBaseUrl = () => env.apiBaseUrl || window.location.origin;
