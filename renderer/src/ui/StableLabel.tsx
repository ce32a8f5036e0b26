// A label that changes with state ("Pin" / "Unpin", "Expand" / "Expanding…") without changing its button's
// width: every variant is laid out in the same grid cell and only the current one is visible, so toolbars do
// not re-wrap and buttons do not move under the cursor when the selection changes.
export function StableLabel({ shown, longest }: { shown: string; longest: readonly string[] }) {
  return (
    <span className="stable-label">
      {longest.map((text) => (
        <span key={text} aria-hidden={text === shown ? undefined : true} className={text === shown ? undefined : 'stable-label-ghost'}>
          {text}
        </span>
      ))}
      {longest.includes(shown) ? null : <span>{shown}</span>}
    </span>
  );
}
