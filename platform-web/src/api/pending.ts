/**
 * Endpoints the UI is built against before the API publishes them (they are not yet in
 * openapi/api-docs.json), typed in openapi-typescript's shape so that the same typed client calls them.
 * A page calling one before it exists gets a 404 "No static resource" and shows "not available yet".
 *
 * Empty now: every endpoint of issues 4 and 5 that the UI uses is published and comes from schema.d.ts
 * (`npm run gen:api`). Add an entry here when a page needs an endpoint that is still being built, and remove
 * it when the endpoint lands.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PendingPaths {}
