/** A DELETE whose 404 means the thing is gone already: removing it again is not a failure. */
export async function removedOrGone(remove: () => Promise<unknown>): Promise<'removed' | 'not-found'> {
  try {
    await remove()
    return 'removed'
  } catch (error) {
    if ((error as {status?: number}).status === 404) return 'not-found'
    throw error
  }
}
