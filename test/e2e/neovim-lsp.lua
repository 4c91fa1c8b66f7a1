-- Drives incentive-lint's language server from Neovim's own LSP client (headless), as a user's
-- editor would: open a policy, read the diagnostics, edit a line, apply quick fixes (a disable
-- comment and a finding's own edits), hover.
-- Run by test/neovim.test.ts with IL_NODE, IL_BIN, IL_FILE and IL_OUT in the environment; writes
-- what it saw to IL_OUT as JSON and exits 0, or writes { error = … } and exits 1.
local out = {}

local function finish(failed)
  local file = assert(io.open(os.getenv('IL_OUT'), 'w'))
  file:write(vim.json.encode(out))
  file:close()
  vim.cmd(failed and 'cquit!' or 'qall!')
end

local ok, problem = pcall(function()
  local file = os.getenv('IL_FILE')
  local client_id = vim.lsp.start_client({
    name = 'incentive-lint',
    cmd = { os.getenv('IL_NODE'), os.getenv('IL_BIN'), 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  assert(client_id, 'the client did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  local function wait_for(what, condition)
    if not vim.wait(30000, condition, 50) then error('timed out waiting for ' .. what) end
  end
  local function snapshot()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(list, { line = d.lnum, col = d.col, severity = d.severity, code = d.code, message = d.message })
    end
    table.sort(list, function(a, b) return a.line < b.line or (a.line == b.line and a.code < b.code) end)
    return list
  end
  local function has(code)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == code then return d end
    end
  end

  wait_for('diagnostics after opening the file', function() return #vim.diagnostic.get(buf) > 0 end)
  out.opened = snapshot()

  -- The edit the finding's fix asks for: SMB at most half the enterprise rate.
  local flat = assert(has('flat-commission'), 'no flat-commission diagnostic')
  local line = vim.api.nvim_buf_get_lines(buf, flat.lnum, flat.lnum + 1, true)[1]
  local fixed = line:gsub('segment: smb, rate: "8%%"', 'segment: smb, rate: "4%%"')
  assert(fixed ~= line, 'the SMB line was not where the diagnostic is: ' .. line)
  vim.api.nvim_buf_set_lines(buf, flat.lnum, flat.lnum + 1, true, { fixed })
  wait_for('flat-commission to go after the edit', function() return has('flat-commission') == nil end)
  out.edited = snapshot()

  -- The quick fix on a recognition-mismatch line, applied by Neovim's own workspace-edit code.
  local target = assert(has('recognition-mismatch'), 'no recognition-mismatch diagnostic')
  local before = #vim.diagnostic.get(buf)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.lnum, character = target.col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, target.lnum) },
  }
  local response = assert(client.request_sync('textDocument/codeAction', params, 10000, buf), 'no answer to codeAction')
  local actions = response.result or {}
  out.actions = {}
  for _, action in ipairs(actions) do table.insert(out.actions, action.title) end
  local chosen
  for _, action in ipairs(actions) do
    if action.title == 'Disable recognition-mismatch for this line' then chosen = action end
  end
  assert(chosen, 'no "Disable recognition-mismatch for this line" action')
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  out.inserted = vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, true)[1]
  wait_for('one diagnostic fewer after the quick fix', function() return #vim.diagnostic.get(buf) == before - 1 end)
  out.fixed = snapshot()

  -- The finding's own edits as a quick fix: no-retention-guard's clawback, a new line in the plan.
  local guard = assert(has('no-retention-guard'), 'no no-retention-guard diagnostic')
  local guard_response = assert(client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = guard.lnum, character = guard.col }, ['end'] = { line = guard.lnum, character = guard.col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, guard.lnum) },
  }, 10000, buf), 'no answer to codeAction')
  out.edit_actions = {}
  local edit_action
  for _, action in ipairs(guard_response.result or {}) do
    table.insert(out.edit_actions, action.title)
    if edit_action == nil and action.title:find('^Add clawback') then edit_action = action end
  end
  assert(edit_action, 'no "Add clawback" action')
  out.edit_preferred = edit_action.isPreferred == true
  local lines_before = vim.api.nvim_buf_line_count(buf)
  vim.lsp.util.apply_workspace_edit(edit_action.edit, client.offset_encoding)
  out.added_lines = vim.api.nvim_buf_line_count(buf) - lines_before
  out.clawback = vim.NIL
  for _, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, true)) do
    if text:find('clawback:') then out.clawback = text end
  end
  wait_for('no-retention-guard to go after its quick fix', function() return has('no-retention-guard') == nil end)
  out.guarded = snapshot()

  local hover = client.request_sync('textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = has('pay-old-priority').lnum, character = has('pay-old-priority').col + 1 },
  }, 10000, buf)
  out.hover = hover and hover.result and hover.result.contents.value or vim.NIL
end)

if not ok then out.error = tostring(problem) end
finish(not ok)
