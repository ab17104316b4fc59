// The evaluator's note on one question: a button that opens a text field with the note as the sheet holds it,
// saved into the role's Catatan cell.
import { Button, Field, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { NoteEditRegular } from "@fluentui/react-icons";
import { useState } from "react";

export interface NoteEditorProps {
  item: string;
  note: string;
  label: string;
  open: string;
  save: string;
  cancel: string;
  disabled: boolean;
  onSave: (text: string) => void;
}

const useStyles = makeStyles({
  editor: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, width: "100%" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalXS },
});

export function NoteEditor({ item, note, label, open, save, cancel, disabled, onSave }: NoteEditorProps) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note);
  if (!editing) {
    return (
      <Button size="small" appearance="subtle" icon={<NoteEditRegular />} aria-label={label} title={note || label} onClick={() => (setText(note), setEditing(true))}>
        {open}
      </Button>
    );
  }
  return (
    <div className={styles.editor}>
      <Field label={label}>
        <Textarea value={text} resize="vertical" data-testid={`note-${item}`} onChange={(_e, data) => setText(data.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button size="small" appearance="primary" disabled={disabled} onClick={() => (onSave(text), setEditing(false))}>
          {save}
        </Button>
        <Button size="small" onClick={() => setEditing(false)}>
          {cancel}
        </Button>
      </div>
    </div>
  );
}
