// A label that changes with state ("Pin" / "Unpin", "Expand" / "Expanding…") without changing its button's
// width: every variant is laid out in the same grid cell and only the current one is visible, so toolbars do
// not re-wrap and buttons do not move under the cursor when the selection changes. The other variants are
// drawn by CSS from a data attribute (invisible), so they are neither read out nor part of the text.
export function StableLabel({ shown, longest }: { shown: string; longest: readonly string[] }) {
  return (
    <span className="stable-label">
      {longest
        .filter((text) => text !== shown)
        .map((text) => (
          <span key={text} className="stable-label-ghost" data-text={text} aria-hidden="true" />
        ))}
      <span>{shown}</span>
    </span>
  );
}
