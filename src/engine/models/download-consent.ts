/**
 * When the user's go-ahead for model downloads arrives (issue 10): follows the modelDownloads
 * setting's values: true once, when it turns from 'ask' to 'allowed'.
 * The first value is not a change: an engine that starts allowed already loads its models.
 */
export function becameAllowed(): (value: 'ask' | 'allowed') => boolean {
  let before: 'ask' | 'allowed' | undefined;
  return (value) => {
    const changed = before === 'ask' && value === 'allowed';
    before = value;
    return changed;
  };
}
