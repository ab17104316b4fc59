// Exit codes of every lke-zi command (contracts/cli.md).
export const EXIT = {
  ok: 0,
  usage: 1,
  badInput: 2,
  findings: 3,
} as const;
