class FourDigitYearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


class TwoDigitMonthConverter:
    """Months as Blogger wrote them, /2010/12/: always two digits, 01–12."""

    regex = "0[1-9]|1[0-2]"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"
