/** Message to show for a command's `ApiError`, or for anything thrown on the way. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === "string" && message) return message;
  }
  if (typeof error === "string" && error) return error;
  return "Something went wrong. Please try again.";
}
