#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 DSN Workbench authors
"""Builds the regex-set benchmark workload: bounce-rule patterns and SMTP reply lines.

Output folder (first argument, "data" when absent) receives
  patterns_10.txt … patterns_10000.txt  one pattern per line; the smaller tables are the
                                        first lines of the largest (ten broad rules first,
                                        then narrow provider- and phrase-specific ones)
  lines.txt                             reply lines (40 to 300 bytes each), one per line;
                                        the second argument sets how many (default 1,000,000)
Run as: python3 gen_workload.py [OUTDIR] [NLINES]
Standard library only. The fixed seed makes every run write the same bytes, so figures from
different machines describe the same work.
"""
import os, random, sys

SEED = 0x6B756D6F  # the ASCII bytes of "kumo"
OUT = sys.argv[1] if len(sys.argv) > 1 else "data"
NLINES = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(SEED)

META = set(".^$*+?()[]{}|\\")
def esc(s):
    """Backslash-escape just the metacharacters every engine under test agrees on."""
    return "".join("\\" + c if c in META else c for c in s)

PROVIDERS = [  # pairs of mail host and the kind of trailer its replies carry
    ("google.com", "gsmtp"), ("yahoo.com", "yahoo"), ("outlook.com", "ms"), ("hotmail.com", "ms"),
    ("aol.com", "yahoo"), ("comcast.net", "plain"), ("att.net", "plain"), ("verizon.net", "plain"),
    ("gmx.net", "plain"), ("web.de", "plain"), ("orange.fr", "plain"), ("free.fr", "plain"),
    ("mail.ru", "plain"), ("yandex.ru", "plain"), ("qq.com", "plain"), ("163.com", "plain"),
    ("icloud.com", "plain"), ("zoho.com", "plain"), ("protonmail.ch", "plain"), ("t-online.de", "plain"),
    ("libero.it", "plain"), ("seznam.cz", "plain"), ("naver.com", "plain"), ("rediffmail.com", "plain"),
    ("cox.net", "plain"), ("charter.net", "plain"), ("bellsouth.net", "plain"), ("sbcglobal.net", "plain"),
    ("mimecast.com", "plain"), ("pphosted.com", "plain"), ("barracudanetworks.com", "plain"),
    ("messagelabs.com", "plain"), ("secureserver.net", "plain"), ("ovh.net", "plain"), ("ionos.de", "plain"),
]
CODES4 = ["421", "450", "451", "452"]
CODES5 = ["550", "551", "552", "553", "554"]
ENH4 = ["4.2.1", "4.2.2", "4.3.0", "4.3.2", "4.4.1", "4.4.2", "4.4.5", "4.7.0", "4.7.1", "4.7.28", "4.7.650"]
ENH5 = ["5.1.0", "5.1.1", "5.1.2", "5.1.6", "5.2.1", "5.2.2", "5.4.1", "5.4.4", "5.7.0", "5.7.1", "5.7.9",
        "5.7.23", "5.7.25", "5.7.26", "5.7.27", "5.7.350", "5.7.509", "5.7.606", "5.7.708"]
SUBJ = ["mailbox", "account", "user", "recipient", "destination", "domain", "sender", "message", "host",
        "IP address", "connection", "mail server", "client host", "envelope sender", "sending domain",
        "address", "email account", "user account", "local part", "relay"]
STATE = ["disabled", "suspended", "inactive", "over quota", "full", "unavailable", "rate limited", "deferred",
         "rejected", "blacklisted", "not found", "unknown", "locked", "expired", "closed", "unverified",
         "throttled", "denied", "not permitted", "not allowed", "restricted", "quarantined", "on hold",
         "out of storage space", "not accepting mail", "listed", "banned", "frozen", "deactivated", "invalid"]
QUAL = ["temporarily", "permanently", "due to policy", "by the administrator", "for spam", "for inactivity",
        "because of poor reputation", "by local policy", "pending verification", "at this time",
        "for security reasons", "due to abuse reports", "until further notice", "by recipient request",
        "after too many failures", "by our anti-spam filter"]
VERB = ["is", "has been", "was", "appears to be", "is currently"]
RBLS = ["zen.spamhaus.org", "b.barracudacentral.org", "bl.spamcop.net", "dnsbl.sorbs.net", "psbl.surriel.com",
        "bl.mailspike.net", "dnsbl-1.uceprotect.net", "cbl.abuseat.org", "ix.dnsbl.manitu.net", "truncate.gbudb.net"]
FILLER = ["please try again later", "see our postmaster page", "contact your administrator",
          "for more information visit our help center", "if you believe this is an error please reply",
          "refer to the troubleshooting guide", "this is an automated message", "queued as 1A2B3C",
          "in reply to RCPT TO command", "in reply to end of DATA command", "in reply to MAIL FROM command"]

def rword(n=6):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n))

def token():
    k = rng.randrange(6)
    if k == 0: return "TS%02d" % rng.randrange(1, 99)
    if k == 1: return "AUP#%s-%d" % (rng.choice(["CNCT", "IN", "BL", "RL", "MXRT"]), rng.randrange(100, 9999))
    if k == 2: return "CS%02d" % rng.randrange(1, 99)
    if k == 3: return "RBL%05d" % rng.randrange(100000)
    if k == 4: return "".join(w.capitalize() for w in (rword(4), rword(5), rword(3)))
    return "ERR_%s_%d" % (rword(5).upper(), rng.randrange(1000))

def ip():
    return "%d.%d.%d.%d" % (rng.randrange(1, 224), rng.randrange(256), rng.randrange(256), rng.randrange(1, 255))

def suffix(prov=None):
    prov = prov or rng.choice(PROVIDERS)
    k = rng.randrange(7)
    if k == 0: return " %s%dsi%d.%d - gsmtp" % (rword(2), rng.randrange(9), rng.randrange(1000), rng.randrange(10000))
    if k == 1: return " [%s]" % ip()
    if k == 2: return " (%s)" % rng.choice(FILLER)
    if k == 3: return " https://postmaster.%s/%s?id=%s" % (prov[0], rword(7), rword(10))
    if k == 4: return " - %s [%s] %s" % (rng.choice(FILLER), ip(), rword(12))
    if k == 5: return ""
    return " %s. %s" % (rng.choice(FILLER).capitalize(), rng.choice(FILLER))

def ccase(s):
    """Changes the letter case at random, to exercise the (?i) rules."""
    k = rng.randrange(3)
    return s if k == 0 else (s.upper() if k == 1 else s.capitalize())

def clamp(line):
    line = line.replace("\n", " ")
    while len(line) < 40:          # pad short lines; long ones are cut below (40 to 300 bytes)
        line += suffix() or " (%s)" % rng.choice(FILLER)
    return line if len(line) <= 300 else line[:300]

# ---------------------------------------------------------------- the ten broad rules
# Each entry pairs a pattern with a function that writes a reply line it matches.
def g_overquota():
    return "452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp" + suffix(PROVIDERS[0])
def g_mailboxfull():
    return "%s %s %s %s%s" % (rng.choice(CODES4 + CODES5), rng.choice(["4.2.2", "5.2.2"]), ccase("mailbox"),
                             rng.choice(["is full", "full", "IS FULL"]), suffix())
def g_nonexist():
    return "550 5.1.1 <%s@%s>: Recipient %s does not exist here%s" % (rword(8), rng.choice(PROVIDERS)[0], rng.choice(["address", "mailbox", "user"]), suffix())
def g_blocked():
    return "550 %s Message %s blocked %s%s" % (rng.choice(ENH5), rword(10), rng.choice(QUAL), suffix())
def g_userunknown():
    return "%s %s <%s@%s>: %s%s" % (rng.choice(CODES5), rng.choice(ENH5), rword(7), rng.choice(PROVIDERS)[0], ccase("user unknown") + " in local recipient table", suffix())
def g_inactive():
    return "550 5.1.1 <%s@%s>: Recipient address rejected: %s inactive%s" % (rword(6), rng.choice(PROVIDERS)[0], rng.choice(["Mailbox", "Account", "User is"]), suffix())
def g_spamhaus():
    return "554 5.7.1 Service unavailable; Client host [%s] %s using zen.SPAMHAUS.org; %s" % (ip(), rng.choice(["listed", "found"]), rword(9))
def g_unauth():
    return "550 5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users" + suffix(PROVIDERS[0])
def g_toomany():
    return "421 4.7.0 [%s] Too many %s from your IP%s" % (ip(), rng.choice(["connections", "messages", "CONNECTIONS"]), suffix())
def g_ratelimit():
    return "451 4.7.1 Rate limited, %s temporarily deferred%s" % (rng.choice(["please", "sender"]), suffix())

GENERIC = [
    (r"4\.2\.2 The email account that you tried to reach is over quota\.", g_overquota),
    (r"(?i)mailbox (is )?full", g_mailboxfull),
    (r"5\.1\.1 .*does not exist", g_nonexist),
    (r"^550 .*blocked", g_blocked),
    (r"(?i)user unknown", g_userunknown),
    (r"Recipient address rejected: .+ inactive", g_inactive),
    (r"(?i)spamhaus", g_spamhaus),
    (r"5\.7\.26 .*unauthenticated", g_unauth),
    (r"(?i)too many (connections|messages)", g_toomany),
    (r"4\.7\.1 Rate limited, \w+ temporarily deferred", g_ratelimit),
]

# ---------------------------------------------------------------- the 9,990 narrow rules
def make_specific(seen):
    while True:
        style = rng.choices(range(8), weights=[36, 14, 12, 8, 10, 6, 10, 4])[0]
        prov = rng.choice(PROVIDERS)
        subj, st, q, vb = rng.choice(SUBJ), rng.choice(STATE), rng.choice(QUAL), rng.choice(VERB)
        tok = token()
        if style == 0:   # escaped phrase after an enhanced code, ending in a period
            enh = rng.choice(ENH4 + ENH5)
            phrase = "The %s %s %s %s [%s]" % (subj, vb, st, q, tok)
            pat = esc("%s %s." % (enh, phrase))
            mk = (lambda enh=enh, phrase=phrase: "%s %s %s.%s" % ((rng.choice(CODES4) if enh[0] == "4" else rng.choice(CODES5)), enh, phrase, suffix()))
        elif style == 1:  # (?i) phrase with an optional verb group
            w = "%s %s" % (subj, tok.lower())
            pat = "(?i)%s (%s )?%s %s" % (esc(w), esc(vb), esc(st), esc(q))
            mk = (lambda w=w, vb=vb, st=st, q=q: "%s %s %s%s %s %s%s" % (rng.choice(CODES5), rng.choice(ENH5), ccase(w),
                  (" " + vb) if rng.random() < 0.5 else "", st, q, suffix()))
        elif style == 2:  # enhanced code, then .*, then a phrase
            enh = rng.choice(ENH5)
            tail = "%s %s (%s)" % (st, q, tok)
            pat = "%s .*%s" % (esc(enh), esc(tail))
            mk = (lambda enh=enh, tail=tail: "%s %s <%s@%s> %s %s%s" % (rng.choice(CODES5), enh, rword(6), prov[0], rword(5), tail, suffix()))
        elif style == 3:  # ^ and a reply code, then .*, then a hyphenated word
            code = rng.choice(CODES4 + CODES5)
            w = "%s-%s" % (st.replace(" ", "-"), tok)
            pat = "^%s .*%s" % (code, esc(w))
            mk = (lambda code=code, w=w: "%s %s %s %s%s" % (code, rng.choice(ENH4 + ENH5), rng.choice(FILLER), w, suffix()))
        elif style == 4:  # (?i) phrase naming a provider
            phrase = "%s %s %s by %s" % (subj, vb, st, prov[0])
            pat = "(?i)%s %s" % (esc(phrase), esc(tok))
            mk = (lambda phrase=phrase, tok=tok: "%s %s %s %s%s" % (rng.choice(CODES4 + CODES5), rng.choice(ENH4 + ENH5), ccase(phrase), tok, suffix()))
        elif style == 5:  # "Recipient address rejected:", .+, then a token
            w = "%s %s" % (st, tok)
            pat = "Recipient address rejected: .+ %s" % esc(w)
            mk = (lambda w=w: "550 5.1.1 <%s@%s>: Recipient address rejected: %s %s%s" % (rword(7), prov[0], rng.choice(SUBJ), w, suffix()))
        elif style == 6:  # help-page URL of a provider with a token
            t2 = token().replace("#", "")
            pat = r"https://(support|postmaster)\.%s/.*p=%s" % (esc(prov[0]), esc(t2))
            mk = (lambda t2=t2: "%s %s %s %s. https://%s.%s/mail/?p=%s%s" % (rng.choice(CODES4 + CODES5), rng.choice(ENH4 + ENH5),
                  rng.choice(SUBJ).capitalize(), rng.choice(STATE), rng.choice(["support", "postmaster"]), prov[0], t2, suffix()))
        else:             # reply and enhanced codes written with \d
            w = "%s %s %s" % (subj, st, tok)
            pat = r"[45]\d\d [45]\.\d\.\d+ %s" % esc(w)
            mk = (lambda w=w: "%s %s %s%s" % (rng.choice(CODES4 + CODES5), rng.choice(ENH4 + ENH5), w, suffix()))
        if pat not in seen:
            seen.add(pat)
            return pat, mk

# ---------------------------------------------------------------- filler lines that no rule targets
def background():
    k = rng.randrange(10)
    prov = rng.choice(PROVIDERS)
    if k == 0: return "250 2.0.0 OK %d %s - gsmtp" % (rng.randrange(10**9, 10**10), rword(12))
    if k == 1: return "421 4.4.2 %s: Connection timed out after %d seconds%s" % (prov[0], rng.randrange(30, 600), suffix(prov))
    if k == 2: return "451 4.3.0 Temporary lookup failure for <%s@%s>%s" % (rword(8), prov[0], suffix(prov))
    if k == 3: return "554 5.7.1 Message rejected under suspicion of SPAM; https://%s/%s %s" % (prov[0], rword(10), rword(6))
    if k == 4: return "550 5.7.0 Message content refused by filter %s (%s)" % (token(), rng.choice(FILLER))
    if k == 5: return "%s %s %s %s %s%s" % (rng.choice(CODES4 + CODES5), rng.choice(ENH4 + ENH5), rng.choice(SUBJ).capitalize(),
                                             rng.choice(VERB), rng.choice(FILLER), suffix(prov))
    if k == 6: return "452 4.3.1 Insufficient system storage on %s, %s%s" % (prov[0], rng.choice(FILLER), suffix(prov))
    if k == 7: return "421 4.7.0 %s Service not available, closing transmission channel%s" % (prov[0], suffix(prov))
    if k == 8: return "550 5.4.1 Recipient address refused: Access denied. AS(%d) [%s.prod.%s]" % (rng.randrange(200000, 299999), rword(12).upper(), prov[0])
    # the tenth kind carries non-ASCII text (valid UTF-8)
    return "%s %s %s%s" % (rng.choice(CODES4 + CODES5), rng.choice(ENH4 + ENH5),
                           rng.choice(["Empfänger unbekannt – Postfach überprüfen", "Boîte aux lettres pleine, réessayez",
                                       "Адрес получателя отклонён", "收件人地址被拒绝", "Destinatário não encontrado"]), suffix(prov))

def main():
    os.makedirs(OUT, exist_ok=True)
    seen = set(p for p, _ in GENERIC)
    rules = list(GENERIC)
    while len(rules) < 10_000:
        rules.append(make_specific(seen))
    for n in (10, 100, 1000, 10000):
        with open(os.path.join(OUT, "patterns_%d.txt" % n), "w", encoding="utf-8") as f:
            for p, _ in rules[:n]:
                f.write(p + "\n")
    with open(os.path.join(OUT, "lines.txt"), "w", encoding="utf-8") as f:
        for _ in range(NLINES):
            r = rng.random()
            if r < 0.20:
                line = rng.choice(GENERIC)[1]()              # a broad rule: every table matches it
            elif r < 0.32:
                line = rules[rng.randrange(10, 10_000)][1]()  # a narrow rule: only tables holding it match
            else:
                line = background()
            f.write(clamp(line) + "\n")

if __name__ == "__main__":
    main()
