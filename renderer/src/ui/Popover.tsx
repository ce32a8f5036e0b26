// A button that opens a small panel below it; Escape or a click elsewhere closes it.
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  label: ReactNode;
  /** Accessible name of the button. */
  name: string;
  title?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** role of the panel: 'menu' for a list of commands, 'dialog' for settings. */
  role: 'menu' | 'dialog';
  panelLabel: string;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}

export function Popover({ label, name, title, open, onOpenChange, role, panelLabel, disabled, className, children }: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) onOpenChange(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onOpenChange(false);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [open, onOpenChange]);

  return (
    <div className={`popover-wrap ${className ?? ''}`} ref={wrapRef}>
      <button
        type="button"
        aria-label={name}
        title={title}
        aria-haspopup={role}
        aria-expanded={open}
        disabled={disabled}
        onClick={() => onOpenChange(!open)}
      >
        {label}
      </button>
      {open ? (
        <div className="popover-panel" role={role} aria-label={panelLabel}>
          {children}
        </div>
      ) : null}
    </div>
  );
}
