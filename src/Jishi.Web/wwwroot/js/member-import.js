// The roster import page (/members/import): posts the workbook to POST /api/members/import and shows the answer,
// either "imported N" or every row error as a table. Texts come from the form's data- attributes (localized).
document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-member-import')) {
        return;
    }
    event.preventDefault();
    const result = document.getElementById('member-import-result');
    const button = form.querySelector('button[type=submit]');
    const data = new FormData(form);
    const unitId = data.get('unitId');
    data.delete('unitId');
    const show = (cls, text) => {
        result.replaceChildren();
        const box = document.createElement('div');
        box.className = cls;
        box.setAttribute('role', 'status');
        box.textContent = text;
        result.appendChild(box);
    };
    button.disabled = true;
    show('page-hint', form.dataset.busy);
    try {
        const response = await fetch(form.action + (unitId ? '?unitId=' + encodeURIComponent(unitId) : ''), {
            method: 'POST',
            body: data,
            headers: { 'RequestVerificationToken': data.get('__RequestVerificationToken') || '' },
        });
        const body = await response.json().catch(() => null);
        if (response.ok && body && typeof body.imported === 'number') {
            show('form-success', form.dataset.success.replace('{0}', body.imported));
        } else if (body && Array.isArray(body.errors)) {
            show('form-error', form.dataset.failed.replace('{0}', body.errors.length));
            const table = document.createElement('table');
            table.className = 'plain-table import-errors';
            const head = table.createTHead().insertRow();
            for (const text of [form.dataset.row, form.dataset.column, form.dataset.message]) {
                const th = document.createElement('th');
                th.textContent = text;
                head.appendChild(th);
            }
            const rows = table.createTBody();
            for (const e of body.errors) {
                const row = rows.insertRow();
                for (const value of [e.row, e.column, e.message]) {
                    row.insertCell().textContent = value ?? '';
                }
            }
            result.appendChild(table);
        } else {
            show('form-error', form.dataset.error.replace('{0}', (body && (body.detail || body.title)) || response.status));
        }
    } catch (error) {
        show('form-error', form.dataset.error.replace('{0}', error.message));
    } finally {
        button.disabled = false;
    }
});
