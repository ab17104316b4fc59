// Sheet protection as Excel applies it: a protected sheet refuses every change except to the cells unlocked
// (format.protection.locked = false) before it was protected, and unprotect needs the password it was given.
import { intersects, type Box, type FakeSheet } from "./fakeWorkbook";

interface ProtectionState {
  /** Boxes whose cells are unlocked; every other cell is locked, as in a new workbook. */
  unlocked: Box[];
  password?: string;
}

const states = new WeakMap<FakeSheet, ProtectionState>();

export function protectionOf(sheet: FakeSheet): ProtectionState {
  let s = states.get(sheet);
  if (!s) {
    s = { unlocked: [] };
    states.set(sheet, s);
  }
  return s;
}

function cellUnlocked(s: ProtectionState, row: number, col: number): boolean {
  return s.unlocked.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
}

/** Every cell of the box is unlocked. */
export function boxUnlocked(sheet: FakeSheet, box: Box): boolean {
  const s = protectionOf(sheet);
  for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) if (!cellUnlocked(s, r, c)) return false;
  return true;
}

/** true, false, or null where the box mixes locked and unlocked cells (as Excel reports it). */
export function lockedState(sheet: FakeSheet, box: Box): boolean | null {
  const s = protectionOf(sheet);
  let locked = 0;
  let total = 0;
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      total++;
      if (!cellUnlocked(s, r, c)) locked++;
    }
  }
  return locked === total ? true : locked === 0 ? false : null;
}

export function setLocked(sheet: FakeSheet, box: Box, locked: boolean): void {
  const s = protectionOf(sheet);
  if (!locked) {
    s.unlocked.push(box);
    return;
  }
  // Lock: cut the box out of every unlocked box (kept simple: cell by cell for the boxes that overlap).
  const next: Box[] = [];
  for (const u of s.unlocked) {
    if (!intersects(u, box)) {
      next.push(u);
      continue;
    }
    for (let r = u.top; r <= u.bottom; r++) {
      for (let c = u.left; c <= u.right; c++) {
        if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) continue;
        next.push({ top: r, bottom: r, left: c, right: c });
      }
    }
  }
  s.unlocked = next;
}

