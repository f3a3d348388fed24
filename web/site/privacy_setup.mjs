// Runs before anything else of the app (boot.mjs imports it first and waits for it): starts the
// request counter, reads config.json and installs the Content-Security-Policy for this page load.
import { loadSiteConfig } from './site_config.mjs';
import { contentPolicy, installContentPolicy } from './content_policy.mjs';
import { posterConsent } from './poster_consent.mjs';
import { startCountingRequests } from './request_counter.mjs';

startCountingRequests();
export const siteConfig = await loadSiteConfig(new URL('./', import.meta.url));
export const imageOrigin = new URL(siteConfig.imageBase).origin;
// The image host is allowed only for page loads that start with consent given.
export const imageHostAllowed = posterConsent() === 'allowed';
installContentPolicy(contentPolicy(imageHostAllowed ? imageOrigin : null));
