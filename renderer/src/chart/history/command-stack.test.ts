import { describe, expect, it } from 'vitest';
import { CommandStack } from './command-stack';

function counter() {
  const box = { value: 0 };
  const add = (stack: CommandStack, n: number) => {
    box.value += n;
    stack.record({ label: `Add ${n}`, undo: () => (box.value -= n), redo: () => (box.value += n) });
  };
  return { box, add };
}

describe('CommandStack', () => {
  it('undoes and redoes in order and drops the redo branch on a new action', () => {
    const stack = new CommandStack();
    const { box, add } = counter();
    add(stack, 1);
    add(stack, 10);
    expect(stack.state()).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'Add 10', depth: 2 });
    stack.undo();
    expect(box.value).toBe(1);
    expect(stack.state().redoLabel).toBe('Add 10');
    stack.redo();
    expect(box.value).toBe(11);
    stack.undo();
    add(stack, 100);
    expect(stack.state().canRedo).toBe(false);
    expect(box.value).toBe(101);
  });

  it('keeps at least 100 steps and forgets the oldest beyond its limit', () => {
    const stack = new CommandStack(150);
    const { box, add } = counter();
    for (let i = 0; i < 160; i++) add(stack, 1);
    let undone = 0;
    while (stack.undo()) undone++;
    expect(undone).toBe(150);
    expect(box.value).toBe(10);
  });

  it('records nothing while replaying', () => {
    const stack = new CommandStack();
    let inner = 0;
    stack.record({ label: 'outer', undo: () => stack.record({ label: 'nested', undo: () => inner++, redo: () => inner++ }), redo: () => undefined });
    stack.undo();
    expect(stack.state()).toMatchObject({ canUndo: false, canRedo: true, depth: 0 });
  });
});
