/** Always throws when the invariant does not hold: for conditions that mean a bug in our code. */
export function strictAssert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

/**
 * Makes a `switch` exhaustive at compile time: if a new member is added to a union and a switch
 * forgets it, `value` is no longer `never` and the call stops compiling.
 */
export function missingCaseError(value: never): Error {
  return new TypeError(`Unhandled case: ${String(value)}`);
}
