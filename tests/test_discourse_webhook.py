import hashlib
import hmac

from bot.discourse.webhook import sign, verify

SECRET = b"s3cret-webhook-key"
BODY = b'{"post":{"id":1,"raw":"caf\xc3\xa9"}}'


def test_sign_matches_discourse_format():
    expected = "sha256=" + hmac.new(SECRET, BODY, hashlib.sha256).hexdigest()
    assert sign(SECRET, BODY) == expected


def test_verify_accepts_only_the_right_signature():
    header = sign(SECRET, BODY)
    assert verify(SECRET, BODY, header)
    assert not verify(SECRET, BODY + b" ", header)
    assert not verify(b"other", BODY, header)
    assert not verify(SECRET, BODY, header.replace("sha256=", "sha1="))
    assert not verify(SECRET, BODY, None)
    assert not verify(SECRET, BODY, "")
    assert not verify(SECRET, BODY, "sha256=ünïcode")
