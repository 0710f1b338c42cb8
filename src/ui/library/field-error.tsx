/** Why something was not saved or done, announced where it happened. */
export function FieldError({ error }: { error: string | undefined }) {
  return error ? (
    <p class="field-error" role="alert">
      {error}
    </p>
  ) : null;
}
