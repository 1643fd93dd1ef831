/** Whether a frame's URL is the app's own page, whatever its route (hash) or query. */
export function isOurFrame(frameUrl: string | undefined, indexUrl: string): boolean {
  return frameUrl !== undefined && frameUrl.split('#')[0]?.split('?')[0] === indexUrl;
}
