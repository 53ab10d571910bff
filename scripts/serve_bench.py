#!/usr/bin/env python3
"""Times `handbook serve` on a site: starts it with --verbose, listens on its
live-reload stream, and for each kind of edit (prose, heading, title, a page
created or deleted) measures the time from the write to the `reload` event and
the server's resident memory. Restores the edited page at the end.

    python3 scripts/serve_bench.py SITE [BINARY] [EDITS]

(BINARY defaults to .build/release/handbook, EDITS to 5 of each kind.)
"""
import subprocess, time, socket, sys, os, re, threading

site = sys.argv[1]
binary = sys.argv[2] if len(sys.argv) > 2 else '.build/release/handbook'
edits = int(sys.argv[3]) if len(sys.argv) > 3 else 5
p = subprocess.Popen([binary, 'serve', '--site', site, '--port', '0', '--verbose'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
url = None
start = time.time()
lines = []
def reader():
    for line in p.stdout:
        lines.append((time.time(), line.strip()))
threading.Thread(target=reader, daemon=True).start()
while url is None and time.time() - start < 300:
    for _, l in lines:
        m = re.search(r'Serving on (http://[^ ]+)', l)
        if m: url = m.group(1)
    time.sleep(0.05)
print('first build + listen:', round(time.time() - start, 2), 's')
host, port = re.match(r'http://([^:/]+):(\d+)', url).groups()
s = socket.create_connection((host, int(port)))
s.sendall(b'GET /__handbook/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n')
s.settimeout(30)
buf = b''
def wait_event():
    global buf
    while b'event: reload' not in buf and b'event: failed' not in buf:
        buf += s.recv(65536)
    kind = b'reload' if b'event: reload' in buf else b'failed'
    buf = b''
    return kind
def rss():
    with open(f'/proc/{p.pid}/status') as f:
        return int(re.search(r'VmRSS:\s+(\d+)', f.read()).group(1)) // 1024
time.sleep(0.5)
buf = b''
pages = []
for root, d, f in os.walk(os.path.join(site, 'content')):
    for n in f:
        if n.endswith('.md') and n not in ('index.md', '_index.md'): pages.append(os.path.join(root, n))
pages.sort()
target = pages[len(pages) // 2]
original = open(target).read()
print('rss after first build', rss(), 'MB; editing', target)
def edit(kind, i):
    text = open(target).read()
    if kind == 'prose':
        text += f'\nMore prose {i}.\n'
    elif kind == 'heading':
        text += f'\n## New heading {i}\n'
    elif kind == 'title':
        text = re.sub(r'^title: .*$', f'title: Renamed {i}', text, count=1, flags=re.M)
    t = time.time()
    if kind == 'full':
        extra = os.path.join(site, 'content', 'zz-bench-extra.md')
        if i % 2 == 0:
            open(extra, 'w').write(f'# Extra {i}\n')
        else:
            os.remove(extra)
    else:
        with open(target, 'w') as f: f.write(text)
    kind_ev = wait_event()
    dt = (time.time() - t) * 1000
    time.sleep(0.2)
    line = [l for _, l in lines if l.startswith('Rebuilt') or l.startswith('Build failed')][-1]
    return dt, line
try:
    for kind in ['prose', 'heading', 'title', 'full']:
        for i in range(edits):
            dt, line = edit(kind, i)
            print(f'{kind:8} {dt:7.1f} ms  rss {rss()} MB  {line}')
finally:
    open(target, 'w').write(original)
    extra = os.path.join(site, 'content', 'zz-bench-extra.md')
    if os.path.exists(extra): os.remove(extra)
    p.terminate(); p.wait()
