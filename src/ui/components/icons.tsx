/**
 * The few symbols the chat uses, as inline SVG in the text colour: a character such as ⏸ needs a
 * font that has it and shows as a box on some systems (issue 10). Decorative: the control that
 * holds one carries the words (its text, or an aria-label).
 */
import type { ComponentChildren } from 'preact';

function Icon({ children }: { children: ComponentChildren }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

export const PauseIcon = () => (
  <Icon>
    <path d="M5.5 3.5v9M10.5 3.5v9" />
  </Icon>
);

export const PlayIcon = () => (
  <Icon>
    <path d="M5 3.5v9l7-4.5z" fill="currentColor" />
  </Icon>
);

export const BookmarkIcon = () => (
  <Icon>
    <path d="M4.5 2.5h7v11L8 10.5l-3.5 3z" />
  </Icon>
);

export const PanelIcon = () => (
  <Icon>
    <rect x="2" y="3" width="12" height="10" rx="1.5" />
    <path d="M10 3v10" />
  </Icon>
);

/** The list of conversations (issue 15). */
export const ListIcon = () => (
  <Icon>
    <path d="M5.5 4h8M5.5 8h8M5.5 12h8M2.5 4h.01M2.5 8h.01M2.5 12h.01" />
  </Icon>
);

export const ChevronDown = () => (
  <Icon>
    <path d="M4 6l4 4 4-4" />
  </Icon>
);

export const ChevronLeft = () => (
  <Icon>
    <path d="M10 4L6 8l4 4" />
  </Icon>
);

export const ChevronRight = () => (
  <Icon>
    <path d="M6 4l4 4-4 4" />
  </Icon>
);

export const MicrophoneIcon = () => (
  <Icon>
    <rect x="5.5" y="1.8" width="5" height="8" rx="2.5" />
    <path d="M3.2 7.5a4.8 4.8 0 0 0 9.6 0M8 12.3v2.2" />
  </Icon>
);

export const StopIcon = () => (
  <Icon>
    <rect x="4" y="4" width="8" height="8" rx="1" fill="currentColor" />
  </Icon>
);

export const SpeakerIcon = () => (
  <Icon>
    <path d="M2.5 6v4h2.5l3.5 3V3L5 6z" fill="currentColor" />
    <path d="M11 5.5a3.5 3.5 0 0 1 0 5M12.8 3.6a6 6 0 0 1 0 8.8" />
  </Icon>
);
