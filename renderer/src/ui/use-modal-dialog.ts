// A <dialog> shown modally while `open` is true. `prepare` resets what the dialog shows for this opening
// (title from the chart, an empty error, a fresh list being loaded); the dialog becomes visible only in the
// commit that draws that reset, so nobody — analyst, screen reader or test — ever sees the previous opening's
// content, or the content of the chart as it was before it was saved, for even a frame.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export function useModalDialog(open: boolean, prepare?: () => void) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const prepareRef = useRef(prepare);
  prepareRef.current = prepare;
  const [prepared, setPrepared] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open) {
      if (dialog?.open) return;
      prepareRef.current?.();
      setPrepared(true);
    } else {
      if (dialog?.open) dialog.close();
      setPrepared(false);
    }
  }, [open]);

  // State set by `prepare` and `prepared` are committed together: showing the dialog here, before the
  // browser paints, shows the prepared content and nothing older.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (open && prepared && dialog && !dialog.open) dialog.showModal();
  }, [open, prepared]);

  return dialogRef;
}
