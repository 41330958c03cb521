/**
 * Ink views subscribe to stdin in an effect that runs after their first frame; a key written before
 * that is lost (more often on a loaded machine). Await this after a view first appears, before keys.
 */
export const settle = (ms = 300): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
