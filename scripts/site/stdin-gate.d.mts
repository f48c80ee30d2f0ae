// Types of stdin-gate.mjs (plain JavaScript, also loaded into Framework's own modules).
export function goOnStdin(): Promise<boolean>;
