import { providerIds } from './accepted-values.js';
import { completionShells, flagNames, standaloneCommands, type CompletionShell } from './args.js';
import { actionsOf, formats, resources } from './commands-spec.js';

/** The words completed after each flag that takes one of a known list. */
function valueLists(): Record<string, readonly string[]> {
  return { '--provider': providerIds, '-p': providerIds, '--format': formats, '-f': formats };
}

function bashScript(): string {
  const commands = [...resources, ...standaloneCommands].join(' ');
  const actionCases = resources.map((resource) => `    ${resource}) words_="${actionsOf(resource).map((spec) => spec.action).join(' ')}" ;;`);
  const valueCases = Object.entries(valueLists()).map(([flag, values]) => `    ${flag}) COMPREPLY=($(compgen -W "${values.join(' ')}" -- "$cur")); return ;;`);
  return [
    '# bash completion for voiceplane: source it, or save it as a file of bash-completion.d',
    '_voiceplane() {',
    '  local cur prev words_',
    '  cur="${COMP_WORDS[COMP_CWORD]}"',
    '  prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  case "$prev" in',
    ...valueCases,
    '    --config) COMPREPLY=($(compgen -f -- "$cur")); return ;;',
    '  esac',
    '  if [[ "$cur" == -* ]]; then',
    `    COMPREPLY=($(compgen -W "${flagNames.join(' ')}" -- "$cur")); return`,
    '  fi',
    '  if [[ $COMP_CWORD -eq 1 ]]; then',
    `    COMPREPLY=($(compgen -W "${commands}" -- "$cur")); return`,
    '  fi',
    '  if [[ $COMP_CWORD -eq 2 ]]; then',
    '    case "${COMP_WORDS[1]}" in',
    ...actionCases,
    `    completion) words_="${completionShells.join(' ')}" ;;`,
    '    *) words_="" ;;',
    '    esac',
    '    COMPREPLY=($(compgen -W "$words_" -- "$cur"))',
    '  fi',
    '}',
    'complete -F _voiceplane voiceplane',
    '',
  ].join('\n');
}

function zshScript(): string {
  const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(' ');
  const actionCases = resources.map((resource) => `        ${resource}) compadd -- ${quoted(actionsOf(resource).map((spec) => spec.action))} ;;`);
  const valueCases = Object.entries(valueLists()).map(([flag, values]) => `    ${flag}) compadd -- ${quoted(values)}; return ;;`);
  return [
    '#compdef voiceplane',
    '# zsh completion for voiceplane: save it as _voiceplane in a directory of $fpath, or source it after compinit',
    '_voiceplane() {',
    '  local previous=${words[CURRENT-1]}',
    '  case $previous in',
    ...valueCases,
    '    --config) _files; return ;;',
    '  esac',
    '  if [[ ${words[CURRENT]} == -* ]]; then',
    `    compadd -- ${quoted(flagNames)}; return`,
    '  fi',
    '  case $CURRENT in',
    `    2) compadd -- ${quoted([...resources, ...standaloneCommands])} ;;`,
    '    3)',
    '      case ${words[2]} in',
    ...actionCases,
    `        completion) compadd -- ${quoted(completionShells)} ;;`,
    '      esac ;;',
    '  esac',
    '}',
    'if (( $+functions[compdef] )); then compdef _voiceplane voiceplane; fi',
    '',
  ].join('\n');
}

/** The completion script of a shell: commands, subcommands, flags, providers and formats, from the same lists the parser uses. */
export function completionScript(shell: CompletionShell): string {
  return shell === 'bash' ? bashScript() : zshScript();
}
