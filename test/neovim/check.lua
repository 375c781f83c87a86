-- Opens the model given in MISSION_FILE, waits until the language server has published its
-- diagnostics, and writes them as JSON to MISSION_OUT. Runs after init.lua (the block of docs/editors.md).
local file = os.getenv('MISSION_FILE')
local out = os.getenv('MISSION_OUT')
local expected = tonumber(os.getenv('MISSION_EXPECTED') or '1')

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) >= expected end, 50)

local result = { filetype = vim.bo.filetype, attached = #vim.lsp.buf_get_clients(0), timedOut = not ok, diagnostics = {} }
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(result.diagnostics, {
    line = d.lnum + 1,
    column = d.col + 1,
    severity = d.severity,
    code = d.code or lsp.code,
    message = d.message,
  })
end
vim.fn.writefile({ vim.fn.json_encode(result) }, out)
vim.cmd('qa!')
