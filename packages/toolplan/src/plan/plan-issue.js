/** Renders a path like `steps[2].args.city`. */
export function formatIssuePath(path) {
    let text = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            text += `[${segment}]`;
        else
            text += text === '' ? segment : `.${segment}`;
    }
    return text === '' ? '(root)' : text;
}
